<?php
// ruleid: php-session-insecure-ini
ini_set('session.use_strict_mode', 0);
// ruleid: php-session-insecure-ini
ini_set('session.use_trans_sid', '1');
// ok: php-session-insecure-ini
ini_set('session.use_strict_mode', 1);
// ok: php-session-insecure-ini
ini_set('session.use_only_cookies', '1');
