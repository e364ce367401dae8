// ruleid: java-weak-crypto
Cipher c = Cipher.getInstance("DES/CBC/PKCS5Padding");
// ruleid: java-weak-crypto
Cipher rc4 = javax.crypto.Cipher.getInstance("RC4");
// ruleid: java-weak-crypto
KeyGenerator kg = KeyGenerator.getInstance("DESede");
// ok: java-weak-crypto
Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
// ok: java-weak-crypto
KeyGenerator kg = KeyGenerator.getInstance("AES");
