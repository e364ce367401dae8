// ruleid: java-insecure-random
String token = Long.toHexString(new Random().nextLong());
// ok: java-insecure-random
String token = new BigInteger(130, new SecureRandom()).toString(32);
