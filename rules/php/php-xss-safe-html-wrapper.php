<?php
class BannerController
{
    public function show(Request $request)
    {
        $msg = $request->input('msg');
        // ruleid: php-xss-safe-html-wrapper
        $html = new HtmlString('<p>' . $msg . '</p>');
        // ruleid: php-xss-safe-html-wrapper
        $twig = new Markup($_GET['title'], 'UTF-8');
        // ok: php-xss-safe-html-wrapper
        $safe = new HtmlString('<p>' . e($msg) . '</p>');
        // ok: php-xss-safe-html-wrapper
        $fixed = new HtmlString('<hr>');
        return view('banner', compact('html', 'twig', 'safe', 'fixed'));
    }
}
