// ruleid: java-pbkdf-low-iterations
PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, 1000, 256);
// ruleid: java-pbkdf-low-iterations
PBEParameterSpec params = new PBEParameterSpec(salt, 20);
// ok: java-pbkdf-low-iterations
PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, 600000, 256);
// ok: java-pbkdf-low-iterations
PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
