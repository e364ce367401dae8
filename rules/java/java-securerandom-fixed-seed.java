// ruleid: java-securerandom-fixed-seed
SecureRandom rnd = new SecureRandom("fixed-seed".getBytes(StandardCharsets.UTF_8));
SecureRandom prng = SecureRandom.getInstance("SHA1PRNG");
// ruleid: java-securerandom-fixed-seed
prng.setSeed(42L);
// ok: java-securerandom-fixed-seed
SecureRandom rnd = new SecureRandom();
// ok: java-securerandom-fixed-seed
prng.setSeed(SecureRandom.getSeed(32));
