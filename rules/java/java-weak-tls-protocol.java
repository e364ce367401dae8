// ruleid: java-weak-tls-protocol
// fixed: SSLContext ctx = SSLContext.getInstance("TLS");
SSLContext ctx = SSLContext.getInstance("SSL");
// ruleid: java-weak-tls-protocol
socket.setEnabledProtocols(new String[] {"TLSv1", "TLSv1.1", "TLSv1.2"});
// ruleid: java-weak-tls-protocol
ConnectionSpec spec = new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS).tlsVersions(TlsVersion.TLS_1_0).build();
// ok: java-weak-tls-protocol
SSLContext ctx = SSLContext.getInstance("TLSv1.3");
// ok: java-weak-tls-protocol
socket.setEnabledProtocols(new String[] {"TLSv1.2", "TLSv1.3"});
