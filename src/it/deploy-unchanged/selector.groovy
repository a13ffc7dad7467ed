// The AWS APIs are moto's: run only where scripts/local-aws started one (CI, scripts/local-aws test).
System.getenv('HOVER_TEST_MOTO_ENDPOINT') != null
