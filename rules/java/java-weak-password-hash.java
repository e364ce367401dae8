class PasswordStore {
    String hash(String password) throws Exception {
        // ruleid: java-weak-password-hash
        MessageDigest md = MessageDigest.getInstance("MD5");
        return hex(md.digest(password.getBytes()));
    }

    String legacy(String password) {
        // ruleid: java-weak-password-hash
        return DigestUtils.sha1Hex(password + salt);
    }

    String safe(String password) throws Exception {
        // ok: java-weak-password-hash
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        return encoder.encode(password);
    }
}
