package io.ddbc.samples.readme;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README true: every {@code ```java} block of the repository's README compiles, as pasted, against
 * this module's test classpath (every ddbc module a reader would use). A block that declares a type is
 * compiled as a file; any other block as the body of a method, after its {@code import} lines — so each
 * block shows the imports it needs. A failure names the README line.
 */
class ReadmeCodeTest {
    private static final Pattern TYPE_DECLARATION =
            Pattern.compile("(?m)^(@[\\w.]+(\\(.*\\))?\\s+)*(public\\s+)?(final\\s+|abstract\\s+)?(class|record|interface|enum)\\s+\\w+");

    /** One {@code ```java} block: its text and the README line of its first line. */
    record Block(int firstLine, String code) {
    }

    static Path readme() {
        // Surefire runs in the module directory; the README is the repository's, one level up.
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("README.md")) && Files.exists(p.resolve("samples"))) return p.resolve("README.md");
        }
        throw new IllegalStateException("No README.md above " + here);
    }

    static List<Block> javaBlocks(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        StringBuilder code = null;
        int first = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (code == null && l.trim().equals("```java")) {
                code = new StringBuilder();
                first = i + 2;
            } else if (code != null && l.trim().equals("```")) {
                blocks.add(new Block(first, code.toString()));
                code = null;
            } else if (code != null) {
                code.append(l).append('\n');
            }
        }
        return blocks;
    }

    /** A compilable unit for block number {@code n}: in its own package, so that blocks may reuse names. */
    static String unit(int n, Block b) {
        List<String> lines = b.code().lines().toList();
        int body = 0;
        while (body < lines.size() && (lines.get(body).startsWith("import ") || lines.get(body).isBlank())) body++;
        // The package line takes the place of nothing: line numbers of the unit are README lines minus one offset.
        StringBuilder u = new StringBuilder("package readme.block" + n + "; ");
        for (int i = 0; i < body; i++) u.append(lines.get(i)).append('\n');
        String rest = String.join("\n", lines.subList(body, lines.size()));
        if (TYPE_DECLARATION.matcher(rest).find()) {
            u.append(rest).append('\n');
        } else {
            u.append("class Snippet { void run() throws Exception { ").append(rest).append("\n} }\n");
        }
        return u.toString();
    }

    private static final Pattern PUBLIC_TYPE = Pattern.compile("(?m)^public\\s+(final\\s+|abstract\\s+)?(class|record|interface|enum)\\s+(\\w+)");

    static final class Source extends SimpleJavaFileObject {
        private final String code;
        final Block block;

        Source(int n, Block block) {
            super(URI.create("string:///readme/block" + n + "/" + fileName(n, block) + ".java"), Kind.SOURCE);
            this.block = block;
            this.code = unit(n, block);
        }

        /** A public top-level type must live in a file of its name, as it would in the reader's project. */
        private static String fileName(int n, Block block) {
            var m = PUBLIC_TYPE.matcher(block.code());
            return m.find() ? m.group(3) : "Block" + n;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }

    @Test
    void everyJavaBlockOfTheReadmeCompiles(@TempDir Path out) throws IOException {
        List<Block> blocks = javaBlocks(Files.readAllLines(readme()));
        assertFalse(blocks.isEmpty(), "the README has no ```java blocks");
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) sources.add(new Source(i, blocks.get(i)));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        // java.class.path is Surefire's booter jar whose manifest lists the test classpath; javac follows it.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> options = List.of("-classpath", classpath, "-d", out.toString(), "-proc:none", "--release", "17");
        boolean ok = javac.getTask(null, null, diagnostics, options, null, sources).call();

        StringBuilder report = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) continue;
            Source s = (Source) d.getSource();
            long line = s == null ? -1 : s.block.firstLine() + d.getLineNumber() - 1;
            report.append("README.md line ").append(line).append(": ").append(d.getMessage(Locale.ROOT)).append('\n');
        }
        assertTrue(ok, "README code blocks that do not compile as pasted:\n" + report);
    }
}
