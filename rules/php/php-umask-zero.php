<?php
// ruleid: php-umask-zero
$old = umask(0);
// ok: php-umask-zero
umask(0022);
// ok: php-umask-zero
umask($old);
