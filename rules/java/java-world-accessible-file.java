// ruleid: java-world-accessible-file
keyFile.setReadable(true, false);
// ruleid: java-world-accessible-file
Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxrwxrwx"));
// ruleid: java-world-accessible-file
Runtime.getRuntime().exec(new String[] {"chmod", "777", path});
// ok: java-world-accessible-file
keyFile.setReadable(true, true);
// ok: java-world-accessible-file
Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r-----"));
// ok: java-world-accessible-file
Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
