package dev.postmortem.core.postmortem;

import dev.postmortem.core.model.FieldError;
import dev.postmortem.core.model.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Runs Bean Validation on inputs and reports violations with the JSON document's paths
 * ({@code actionItems[1].priority}, {@code contributors[0]}).
 *
 * <p>Messages are interpolated with {@link ParameterMessageInterpolator}: {@code {max}} works,
 * Expression Language does not. That keeps an EL implementation off every host's classpath and
 * rules out expression injection through message templates.
 */
final class InputValidator {

    private final Validator validator;

    InputValidator() {
        ValidatorFactory factory = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .addValueExtractor(new ChangeValueExtractor())
                .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    /** @throws InvalidInputException listing every violation, sorted by path */
    <T> T check(T input) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream()
                    .map(v -> new FieldError(jsonPath(v.getPropertyPath()), v.getMessage()))
                    .distinct()
                    .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                    .toList();
            throw new InvalidInputException(errors);
        }
        return input;
    }

    /**
     * Hibernate Validator's own rendering names container elements ({@code <list element>});
     * clients want the path into their JSON, so indexes are attached to the list they index.
     */
    static String jsonPath(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                out.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.toString();
    }
}
