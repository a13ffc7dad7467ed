package demo;

/** Compiled into target/test-classes: it must never reach the image. */
class AppFixture {
}
