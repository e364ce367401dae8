// ruleid: java-jwt-none-algorithm
String token = JWT.create().withSubject(user).sign(Algorithm.none());
// ruleid: java-jwt-none-algorithm
String t2 = Jwts.builder().setSubject(user).signWith(SignatureAlgorithm.NONE, key).compact();
// ruleid: java-jwt-none-algorithm
Jwt<?, ?> jwt = Jwts.parser().unsecured().build().parse(token);
// ok: java-jwt-none-algorithm
String token = JWT.create().withSubject(user).sign(Algorithm.HMAC256(secret));
