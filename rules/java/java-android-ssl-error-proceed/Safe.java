class Client extends WebViewClient {
    @Override
    public void onReceivedSslError(WebView view, SslErrorHandler handler, SslError error) {
        // ok: java-android-ssl-error-proceed
        handler.cancel();
    }

    Object around(ProceedingJoinPoint pjp) throws Throwable {
        // ok: java-android-ssl-error-proceed
        return pjp.proceed();
    }
}
