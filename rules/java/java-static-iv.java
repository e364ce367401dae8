// ruleid: java-static-iv
IvParameterSpec iv = new IvParameterSpec("0123456789abcdef".getBytes());
// ok: java-static-iv
IvParameterSpec iv = new IvParameterSpec(ivBytes);
