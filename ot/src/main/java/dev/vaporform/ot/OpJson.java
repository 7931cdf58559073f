package dev.vaporform.ot;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Converts between ops and the reference's JSON. Parsing is strict per component (see the README's leniency
 * list); the op-level rules are applied by {@link Op#of(List)}.
 */
final class OpJson {

    private static final BigDecimal MAX_COUNT = BigDecimal.valueOf(Integer.MAX_VALUE);

    private OpJson() {
    }

    /** Parses JSON text into components without the op-level check, so normalize can see raw lists. */
    static List<Component> parseComponents(String json) {
        return components(JsonReader.parse(json));
    }

    /** Converts a parsed JSON value into components, naming the index of the first bad one. */
    static List<Component> components(Object value) {
        if (!(value instanceof List<?> items)) {
            throw new InvalidOpException("op must be a JSON array of components, got " + describe(value));
        }
        List<Component> components = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                components.add(component(items.get(i)));
            } catch (InvalidOpException e) {
                throw e.at("component " + i);
            }
        }
        return components;
    }

    static String print(List<Component> components) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < components.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            switch (components.get(i)) {
                case Skip s -> out.append(s.count());
                case Insert ins -> JsonWriter.appendQuoted(out, ins.text());
                case Delete d -> out.append(d);
            }
        }
        return out.append(']').toString();
    }

    static List<Object> toValue(Op op) {
        List<Object> out = new ArrayList<>(op.size());
        for (Component c : op) {
            out.add(switch (c) {
                case Skip s -> s.count();
                case Insert ins -> ins.text();
                case Delete d -> Map.of("d", d.isInvertible() ? d.textOrNull() : d.length());
            });
        }
        return out;
    }

    private static Component component(Object value) {
        return switch (value) {
            case Number n -> Skip.of(count(n, "skip"));
            case String s -> new Insert(s);
            case Map<?, ?> m -> delete(m);
            case Boolean b -> throw new InvalidOpException("booleans are not op components, got " + b);
            case null -> throw new InvalidOpException("null is not an op component");
            default -> throw new InvalidOpException("expected a skip (integer), an insert (string) or a delete "
                    + "({\"d\": …}), got " + describe(value));
        };
    }

    private static Delete delete(Map<?, ?> object) {
        for (Object key : object.keySet()) {
            if (!"d".equals(key)) {
                throw new InvalidOpException("delete has unexpected key \"" + key
                        + "\"; a delete is exactly {\"d\": count} or {\"d\": \"text\"}");
            }
        }
        Object d = object.get("d");
        return switch (d) {
            case Number n -> Delete.count(count(n, "delete count"));
            case String s -> Delete.text(s);
            case null -> throw new InvalidOpException("an object component must be a delete, {\"d\": count} or "
                    + "{\"d\": \"text\"}, got " + (object.containsKey("d") ? "{\"d\": null}" : "{}"));
            default -> throw new InvalidOpException("delete value must be a positive integer or a non-empty "
                    + "string, got " + describe(d));
        };
    }

    /** An exact positive-or-not integer; the sign is checked by the component so messages stay specific. */
    private static int count(Number number, String what) {
        if (number instanceof Integer i && i > 0) {
            return i; // the usual case, straight from JsonReader
        }
        BigDecimal value = exact(number, what);
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            throw new InvalidOpException(what + " must be an integer, got " + number);
        }
        if (value.compareTo(MAX_COUNT) > 0) {
            throw new InvalidOpException(what + " " + number + " is larger than the maximum " + Integer.MAX_VALUE);
        }
        if (value.signum() <= 0) {
            throw new InvalidOpException(what + " must be a positive integer, got " + value.toBigInteger());
        }
        return value.intValueExact();
    }

    private static BigDecimal exact(Number number, String what) {
        return switch (number) {
            case BigDecimal b -> b;
            case BigInteger b -> new BigDecimal(b);
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            default -> finite(number.doubleValue(), what);
        };
    }

    private static BigDecimal finite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new InvalidOpException(what + " must be a finite integer, got " + value);
        }
        return new BigDecimal(value);
    }

    private static String describe(Object value) {
        return switch (value) {
            case null -> "null";
            case List<?> l -> "an array";
            case Map<?, ?> m -> "an object";
            case String s -> "a string";
            case Number n -> "the number " + n;
            case Boolean b -> b.toString();
            default -> value.getClass().getSimpleName();
        };
    }
}
