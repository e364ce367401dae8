// ruleid: java-weak-crypto
Cipher c = Cipher.getInstance("AES/ECB/PKCS5Padding");
// ruleid: java-weak-crypto
MessageDigest md = MessageDigest.getInstance("MD5"); // hashes the password
// ok: java-weak-crypto
Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
