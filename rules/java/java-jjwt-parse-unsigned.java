class Auth {
    Claims read(String token, Key key) {
        // ruleid: java-jjwt-parse-unsigned
        return (Claims) Jwts.parser().setSigningKey(key).parse(token).getBody();
    }

    Claims unsigned(String token) {
        // ruleid: java-jjwt-parse-unsigned
        return Jwts.parserBuilder().build().parseClaimsJwt(token).getBody();
    }

    Claims safe(String token, Key key) {
        // ok: java-jjwt-parse-unsigned
        return Jwts.parser().setSigningKey(key).parseClaimsJws(token).getBody();
    }

    Claims modern(String token, SecretKey key) {
        // ok: java-jjwt-parse-unsigned
        return Jwts.parser().verifyWith(key).build().parseSignedClaims(token).getPayload();
    }

    Instant nearMiss(String when) {
        // ok: java-jjwt-parse-unsigned
        return Instant.parse(when);
    }
}
