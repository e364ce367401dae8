TrustManager[] trustAll = new TrustManager[] { new X509TrustManager() {
    public X509Certificate[] getAcceptedIssuers() { return null; }
    public void checkClientTrusted(X509Certificate[] c, String a) {}
    // ruleid: java-tls-verification-disabled
    public void checkServerTrusted(X509Certificate[] c, String a) {}
}};
// ruleid: java-tls-verification-disabled
SslContext ctx = SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
// ruleid: java-tls-verification-disabled
SSLContext sc = SSLContexts.custom().loadTrustMaterial(null, new TrustAllStrategy()).build();
// ok: java-tls-verification-disabled
SSLContext sc = SSLContexts.custom().loadTrustMaterial(trustStore, null).build();
// ok: java-tls-verification-disabled
public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException { delegate.checkServerTrusted(chain, authType); }
