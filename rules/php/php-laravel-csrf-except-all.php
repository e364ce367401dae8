<?php
namespace App\Http\Middleware;

use Illuminate\Foundation\Http\Middleware\VerifyCsrfToken as Middleware;

class VerifyCsrfToken extends Middleware
{
    // ruleid: php-laravel-csrf-except-all
    protected $except = ['*'];
}

class Other extends Middleware
{
    // ok: php-laravel-csrf-except-all
    protected $except = ['stripe/*', 'webhooks/github'];
}
