package io.ddbc.embedded.internal.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parser for projection expressions: {@code path (',' path)*}, no two paths overlapping. */
final class ProjectionParser extends ExpressionParser {
    static final String KIND = "ProjectionExpression";

    ProjectionParser(String text, Placeholders placeholders) {
        super(KIND, text, placeholders, Set.of(), Problem.PROJECTION);
    }

    List<DocumentPath> parse() {
        List<DocumentPath> paths = new ArrayList<>();
        paths.add(projectedPath());
        while (peek().is(",")) {
            next();
            paths.add(projectedPath());
        }
        checkDisjoint(paths);
        finish();
        return paths;
    }

    private DocumentPath projectedPath() {
        if (!atPath()) throw syntaxError();     // also a function call: projections are paths only
        return path();
    }
}
