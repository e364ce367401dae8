<?php
class UserController
{
    public function index(Request $request)
    {
        $sort = $request->query('sort');
        // ruleid: php-sql-injection-laravel
        $rows = DB::select("SELECT * FROM users ORDER BY " . $sort);
        $min = $request->input('min');
        // ruleid: php-sql-injection-laravel
        $cheap = Product::whereRaw("price > $min")->get();
        // ruleid: php-sql-injection-laravel
        $q = DB::table('orders')->orderByRaw($request->get('order'));
        // ok: php-sql-injection-laravel
        $safe = Product::whereRaw('price > ?', [$min])->get();
        // ok: php-sql-injection-laravel
        $bound = DB::select('SELECT * FROM users WHERE name = ?', [$request->input('name')]);
        $dir = (int) $request->input('dir');
        // ok: php-sql-injection-laravel
        $n = DB::table('t')->selectRaw('count(*) as c, ' . $dir . ' as d')->get();
        return [$rows, $cheap, $q, $safe, $bound, $n];
    }
}
