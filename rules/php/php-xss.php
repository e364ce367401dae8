<?php
// ruleid: php-xss
echo "Hello " . $_GET['name'];
// ruleid: php-xss
<p>{!! $comment->body !!}</p>
// ok: php-xss
echo "Hello " . htmlspecialchars($_GET['name'], ENT_QUOTES, 'UTF-8');
// ok: php-xss
<p>{{ $comment->body }}</p>
