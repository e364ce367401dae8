webView.setWebViewClient(new WebViewClient() {
    @Override
    public void onReceivedSslError(WebView view, SslErrorHandler handler, SslError error) {
        // ruleid: java-android-ssl-error-proceed
        handler.proceed();
    }
});
