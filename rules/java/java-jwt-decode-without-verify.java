class Who {
    String user(String token) {
        // ruleid: java-jwt-decode-without-verify
        DecodedJWT jwt = JWT.decode(token);
        return jwt.getSubject();
    }
}
