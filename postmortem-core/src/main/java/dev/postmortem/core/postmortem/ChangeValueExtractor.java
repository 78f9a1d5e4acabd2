package dev.postmortem.core.postmortem;

import dev.postmortem.core.model.Change;
import jakarta.validation.valueextraction.ExtractedValue;
import jakarta.validation.valueextraction.ValueExtractor;

/**
 * Lets Bean Validation see into a {@link Change}: the constraints on its type argument apply
 * to the value when the field is set, and an absent field is not validated at all.
 */
final class ChangeValueExtractor implements ValueExtractor<Change<@ExtractedValue ?>> {

    @Override
    public void extractValues(Change<?> change, ValueReceiver receiver) {
        if (change.isSet()) {
            receiver.value(null, change.value());
        }
    }
}
