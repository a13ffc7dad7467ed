package demo;

/** The smallest application a stage can run: it only needs to exist for the image. */
public final class App {
    public static void main(String[] args) {
        System.out.println("dry-run demo");
    }
}
