// ruleid: java-ecb-mode
Cipher c = Cipher.getInstance("AES");
// ruleid: java-ecb-mode
Cipher c2 = Cipher.getInstance("AES/ECB/PKCS5Padding");
// ok: java-ecb-mode
Cipher c3 = Cipher.getInstance("AES/GCM/NoPadding");
// ok: java-ecb-mode
Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
