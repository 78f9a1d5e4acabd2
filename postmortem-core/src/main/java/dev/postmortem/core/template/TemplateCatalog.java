package dev.postmortem.core.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The templates authors can start from. The five built-ins come from
 * {@link BuiltInTemplates}; hosts add their own by implementing this port.
 */
public interface TemplateCatalog {

    /** Every template, in the order to offer them. */
    List<Template> all();

    default Optional<Template> find(String templateId) {
        return all().stream().filter(template -> template.id().equals(templateId)).findFirst();
    }

    /**
     * One catalog over several: the first catalog that has an id wins, so a host listing its
     * own catalog first can replace a built-in template by reusing its id.
     */
    static TemplateCatalog combine(List<TemplateCatalog> catalogs) {
        List<TemplateCatalog> copy = List.copyOf(catalogs);
        return () -> {
            Map<String, Template> byId = new LinkedHashMap<>();
            copy.forEach(catalog -> catalog.all().forEach(template -> byId.putIfAbsent(template.id(), template)));
            return List.copyOf(byId.values());
        };
    }
}
