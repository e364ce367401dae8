// ruleid: java-rsa-no-padding
Cipher rsa = Cipher.getInstance("RSA/ECB/NoPadding");
// ok: java-rsa-no-padding
Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
// ok: java-rsa-no-padding
Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
