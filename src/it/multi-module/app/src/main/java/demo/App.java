package demo;

import demo.lib.Greeting;

/** The application module: the one with a stage. */
public final class App {
    public static void main(String[] args) {
        System.out.println(Greeting.text());
    }
}
