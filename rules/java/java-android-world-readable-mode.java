// ruleid: java-android-world-readable-mode
SharedPreferences prefs = getSharedPreferences("auth", Context.MODE_WORLD_READABLE);
// ruleid: java-android-world-readable-mode
FileOutputStream fos = openFileOutput("token.txt", MODE_WORLD_WRITEABLE);
// ok: java-android-world-readable-mode
SharedPreferences prefs = getSharedPreferences("auth", Context.MODE_PRIVATE);
