// ruleid: java-command-injection-concat
Process p = Runtime.getRuntime().exec("ping -c 1 " + host);
// ruleid: java-command-injection-concat
new ProcessBuilder("sh", "-c", cmd).start();
// ok: java-command-injection-concat
new ProcessBuilder("ping", "-c", "1", host).start();
// ok: java-command-injection-concat
Process p = Runtime.getRuntime().exec(new String[] {"git", "status"});
