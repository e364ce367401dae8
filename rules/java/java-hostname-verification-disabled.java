// ruleid: java-hostname-verification-disabled
conn.setHostnameVerifier((hostname, session) -> true);
// ruleid: java-hostname-verification-disabled
HttpClients.custom().setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE).build();
HostnameVerifier hv = new HostnameVerifier() {
    // ruleid: java-hostname-verification-disabled
    public boolean verify(String host, SSLSession session) { return true; }
};
// ok: java-hostname-verification-disabled
HttpClients.custom().setSSLHostnameVerifier(new DefaultHostnameVerifier()).build();
// ok: java-hostname-verification-disabled
conn.setHostnameVerifier((hostname, session) -> ALLOWED.contains(hostname) && defaultVerifier.verify(hostname, session));
