<?php
// ruleid: php-command-injection
system("ping -c 1 " . $_GET['host']);
// ruleid: php-command-injection
$out = shell_exec("convert $file out.png");
// ok: php-command-injection
$out = shell_exec('convert ' . escapeshellarg($file) . ' out.png');
// ok: php-command-injection
exec('/usr/bin/uptime', $out);
