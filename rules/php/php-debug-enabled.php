<?php
// ruleid: php-debug-enabled
ini_set('display_errors', '1');
// ruleid: php-debug-enabled
'debug' => true,
// ok: php-debug-enabled
'debug' => (bool) env('APP_DEBUG', false),
