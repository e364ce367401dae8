// ruleid: java-predictable-temp-path
File lock = new File("/tmp/app.lock");
// ruleid: java-predictable-temp-path
File out = new File(System.getProperty("java.io.tmpdir"), "export.csv");
// ok: java-predictable-temp-path
Path out = Files.createTempFile("export", ".csv");
// ok: java-predictable-temp-path
File dir = new File(System.getProperty("java.io.tmpdir"));
