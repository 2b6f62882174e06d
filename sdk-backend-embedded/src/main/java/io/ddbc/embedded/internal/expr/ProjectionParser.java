package io.ddbc.embedded.internal.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parser for projection expressions: {@code path (',' path)*}, no two paths overlapping. */
final class ProjectionParser extends ExpressionParser {
    static final String KIND = "ProjectionExpression";

    ProjectionParser(String text, Placeholders placeholders) {
        super(KIND, text, placeholders, Set.of());
    }

    List<DocumentPath> parse() {
        List<DocumentPath> paths = new ArrayList<>();
        paths.add(projectedPath());
        while (peek().is(",")) {
            next();
            paths.add(projectedPath());
        }
        expectEnd();
        DocumentPath.checkDisjoint(kind, paths);
        return paths;
    }

    private DocumentPath projectedPath() {
        if (!atPath()) throw atFunctionCall() ? misplacedFunction(peek().text()) : syntaxError();
        return path();
    }
}
