<?php
// ruleid: php-eval-obfuscated
eval(gzinflate(base64_decode('80jNycnXUSjPL8pJUQQA')));
// ruleid: php-eval-obfuscated
eval(base64_decode('ZWNobyAiaGkiOw=='));
// ok: php-eval-obfuscated
$data = json_decode(base64_decode($payload), true);
// ok: php-eval-obfuscated
$img = base64_decode($encoded);
