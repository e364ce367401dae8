<?php
function send_receipt()
{
    $sender = $_POST['sender'];
    // ruleid: php-mail-parameter-injection
    mail('shop@example.com', 'Receipt', 'Thanks', 'From: shop@example.com', '-f' . $sender);
    // ok: php-mail-parameter-injection
    mail('shop@example.com', 'Receipt', 'Thanks', 'From: shop@example.com', '-fbounce@example.com');
    // ok: php-mail-parameter-injection
    mail($sender, 'Receipt', 'Thanks', 'From: shop@example.com');
}
