<?php
class ArticleRepository
{
    public function search(Request $request)
    {
        $title = $request->query->get('title');
        // ruleid: php-sql-injection-doctrine
        $q = $this->em->createQuery("SELECT a FROM App\Entity\Article a WHERE a.title = '" . $title . "'");
        $qb = $this->createQueryBuilder('a');
        // ruleid: php-sql-injection-doctrine
        $qb->where("a.author = '" . $request->query->get('author') . "'");
        // ruleid: php-sql-injection-doctrine
        $rows = $this->conn->fetchAllAssociative('SELECT * FROM article WHERE slug = ' . $_GET['slug']);
        // ok: php-sql-injection-doctrine
        $qb->andWhere('a.title = :title')->setParameter('title', $title);
        // ok: php-sql-injection-doctrine
        $safe = $this->conn->executeQuery('SELECT * FROM article WHERE title = ?', [$title]);
        // ok: php-sql-injection-doctrine
        $all = $this->em->createQuery('SELECT a FROM App\Entity\Article a ORDER BY a.id');
        return [$q, $rows, $safe, $all];
    }
}
