package dev.interviewloop.coding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Python interpreter found on this machine, or why there is none.
 *
 * @param executable the interpreter's own path ({@code sys.executable}, so a pyenv or venv shim is not re-run each time)
 * @param version such as {@code 3.11.2}
 * @param numpy NumPy's version, or null without NumPy
 * @param problem why there is no usable interpreter, or null
 */
public record PythonRuntime(String executable, String version, String numpy, String problem) {

    private static final String PROBE = "import sys\n"
            + "try:\n    import numpy; v = numpy.__version__\nexcept Exception:\n    v = ''\n"
            + "print(sys.executable); print(sys.version.split()[0]); print(v)\n";

    public boolean available() {
        return problem == null;
    }

    /** How the grade names it: {@code Python 3.11.2, NumPy 1.24.2}. */
    public String describe() {
        return available() ? "Python " + version + (numpy == null ? ", no NumPy" : ", NumPy " + numpy) : problem;
    }

    /** Runs {@code command} once to learn its real path, its version and whether it has NumPy. */
    static PythonRuntime detect(String command) {
        String notFound = "no Python interpreter was found ('" + command + "', set by interview-loop.coding.python): "
                + "install python3 (and python3-numpy), or point interview-loop.coding.python at one";
        try {
            Process p = new ProcessBuilder(List.of(command, "-I", "-c", PROBE)).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new PythonRuntime(null, null, null, notFound + " (it did not answer within 30 s)");
            }
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (p.exitValue() != 0 || lines.size() < 2 || !lines.get(1).startsWith("3.")) {
                return new PythonRuntime(null, null, null, notFound + " (it answered: "
                        + String.join(" ", lines).strip() + ")");
            }
            String numpy = lines.size() > 2 && !lines.get(2).isBlank() ? lines.get(2).strip() : null;
            String executable = lines.get(0).isBlank() ? command : lines.get(0).strip();
            return new PythonRuntime(executable, lines.get(1).strip(), numpy, null);
        } catch (IOException e) {
            return new PythonRuntime(null, null, null, notFound);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PythonRuntime(null, null, null, notFound + " (interrupted)");
        }
    }
}
