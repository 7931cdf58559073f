import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/**
 * Waits until every module-event publication of a project is delivered: at least EXPECTED
 * publications mention the project and none is incomplete. Prints the seconds from its start
 * until the publications appeared and until the last was delivered. Gives up after 300 s.
 * Usage: java -cp postgresql.jar Deliveries.java PG-PORT PROJECT-ID EXPECTED
 */
public class Deliveries {
    public static void main(String[] args) throws Exception {
        String project = "%" + args[1] + "%";
        long expected = Long.parseLong(args[2]);
        long start = System.nanoTime();
        Double appeared = null;
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + args[0] + "/postgres", "postgres", "")) {
            var query = db.prepareStatement("select count(*), count(*) filter (where completion_date is null) from event_publication where serialized_event like ?");
            query.setString(1, project);
            while (System.nanoTime() - start < 300_000_000_000L) {
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (appeared == null && row.getLong(1) >= expected) appeared = seconds;
                    if (appeared != null && row.getLong(2) == 0) {
                        System.out.printf("publications stored after %.1f s, all delivered after %.1f s%n", appeared, seconds);
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        System.out.println("not all delivered within 300 s");
        System.exit(1);
    }
}
