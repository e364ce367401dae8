import javax.persistence.*;
import javax.servlet.http.*;

class UserRepo {
    EntityManager em;

    List<User> search(HttpServletRequest request) {
        String name = request.getParameter("name");
        String jpql = "select u from User u where u.name = '" + name + "'";
        // ruleid: java-jpa-sql-injection
        return em.createQuery(jpql, User.class).getResultList();
    }

    @GetMapping("/report")
    List<?> report(@RequestParam("order") String order, Session session) {
        // ruleid: java-jpa-sql-injection
        return session.createNativeQuery("select * from report order by " + order).list();
    }

    List<User> safe(HttpServletRequest request) {
        String name = request.getParameter("name");
        // ok: java-jpa-sql-injection
        return em.createQuery("select u from User u where u.name = :name", User.class)
                 .setParameter("name", name).getResultList();
    }

    List<User> nearMiss(@RequestParam("limit") int limit) {
        // ok: java-jpa-sql-injection
        return em.createNativeQuery("select * from users limit " + limit).getResultList();
    }
}
