WebSettings s = webView.getSettings();
// ruleid: java-android-webview-file-access
s.setAllowUniversalAccessFromFileURLs(true);
// ruleid: java-android-webview-file-access
s.setAllowFileAccessFromFileURLs(true);
// ok: java-android-webview-file-access
s.setAllowFileAccessFromFileURLs(false);
// ok: java-android-webview-file-access
s.setJavaScriptEnabled(true);
