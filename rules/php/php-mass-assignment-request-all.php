<?php
class PostController
{
    public function store(Request $request)
    {
        // ruleid: php-mass-assignment-request-all
        $post = Post::create($request->all());
        // ruleid: php-mass-assignment-request-all
        $post->update(request()->all());
        // ok: php-mass-assignment-request-all
        $ok = Post::create($request->validated());
        // ok: php-mass-assignment-request-all
        $ok2 = Post::create($request->only(['title', 'body']));
        return [$post, $ok, $ok2];
    }
}
