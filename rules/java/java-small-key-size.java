KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
// ruleid: java-small-key-size
kpg.initialize(1024);
// ruleid: java-small-key-size
kpg.initialize(new RSAKeyGenParameterSpec(512, RSAKeyGenParameterSpec.F4));
// ok: java-small-key-size
kpg.initialize(3072);
KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
// ok: java-small-key-size
ec.initialize(256);
