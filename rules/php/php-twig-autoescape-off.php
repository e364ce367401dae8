<?php
// ruleid: php-twig-autoescape-off
$twig = new \Twig\Environment($loader, ['autoescape' => false, 'cache' => '/var/cache/twig']);
// ok: php-twig-autoescape-off
$twig2 = new \Twig\Environment($loader, ['autoescape' => 'html']);
