package dev.hover.runtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The application's main class, run in this JVM on its own non-daemon thread with the system
 * class loader as context class loader, as {@code java -cp … Main} would run it. The thread is
 * called {@code main}: some frameworks look at the starting thread's name.
 */
public final class Application {
    private final String mainClass;
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean returned;

    private Application(String mainClass, Method main, String[] args) {
        this.mainClass = mainClass;
        this.thread = new Thread("main") {
            @Override
            public void run() {
                runMain(main, args);
            }
        };
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
    }

    /** @throws InitException when the class or its {@code public static void main(String[])} is missing */
    public static Application start(String mainClass, String... args) throws InitException {
        Method main;
        try {
            Class<?> type = Class.forName(mainClass, false, ClassLoader.getSystemClassLoader());
            main = type.getMethod("main", String[].class);
        } catch (ClassNotFoundException e) {
            throw new InitException("AppStartFailed", "The main class " + mainClass + " is not on the classpath", e);
        } catch (NoSuchMethodException e) {
            throw new InitException("AppStartFailed", mainClass + " has no public static void main(String[])", e);
        } catch (LinkageError e) {
            throw new InitException("AppStartFailed", "The main class " + mainClass + " cannot be loaded: " + e, e);
        }
        if (!Modifier.isStatic(main.getModifiers()) || main.getReturnType() != void.class) {
            throw new InitException("AppStartFailed", mainClass + ".main(String[]) must be public static void");
        }
        Application application = new Application(mainClass, main, args);
        application.thread.start();
        return application;
    }

    private void runMain(Method main, String[] args) {
        try {
            main.invoke(null, (Object) args);
            returned = true;
        } catch (InvocationTargetException e) {
            failure = e.getCause();
        } catch (Throwable e) {
            failure = e;
        }
    }

    public String mainClass() {
        return mainClass;
    }

    /** What {@code main} threw, or null. */
    public Throwable failure() {
        return failure;
    }

    /**
     * The class loader of the application's own classes: its main thread's context class loader,
     * which a framework with a class loader of its own (Quarkus's runner) sets to that loader.
     */
    public ClassLoader classLoader() {
        return thread.getContextClassLoader();
    }

    /** {@code main} returned normally (servers usually keep running on their own threads). */
    public boolean mainReturned() {
        return returned;
    }
}
