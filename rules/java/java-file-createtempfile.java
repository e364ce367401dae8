// ruleid: java-file-createtempfile
File tmp = File.createTempFile("upload", ".bin");
// ok: java-file-createtempfile
Path tmp = Files.createTempFile("upload", ".bin");
// ok: java-file-createtempfile
File tmp = File.createTempFile("upload", ".bin", privateDir);
