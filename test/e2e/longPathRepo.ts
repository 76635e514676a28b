// A repo shaped like a real Spring project: a controller under a very long Java package path, routes
// with long URLs, outbound HTTP calls and long package names, so every table and path is stressed.
import { SAMPLE_REPO } from '../helpers/fixtures.js';

export const LONG_DIR = 'src/main/java/org/springframework/samples/petclinic/owner/administration/registration/web/controllers/internal';
export const LONG_CONTROLLER = `${LONG_DIR}/OwnerRegistrationAndVisitSchedulingManagementController.java`;

const CONTROLLER = `package org.springframework.samples.petclinic.owner.administration.registration.web.controllers.internal;

import org.springframework.web.bind.annotation.*;
import org.springframework.web.client.RestTemplate;

/**
 * Registers owners and schedules their visits.
 * Kept long on purpose: the UI must fit it.
 */
@RestController
@RequestMapping("/api/v1/owners/administration/registration")
public class OwnerRegistrationAndVisitSchedulingManagementController {
    private final RestTemplate restTemplate = new RestTemplate();

    /** Finds an owner by id. */
    @GetMapping("/{ownerId}/pets/{petId}/visits/scheduled/upcoming/with-veterinarian-details")
    public String findUpcomingVisitsWithVeterinarianDetailsForOwnerAndPet(@PathVariable long ownerId, @PathVariable long petId) {
        return restTemplate.getForObject("https://veterinarian-directory.internal.example.com/api/v2/veterinarians/by-specialty/available", String.class);
    }

    @PostMapping("/{ownerId}/pets/{petId}/visits/scheduled/new-visit-with-reminder-notifications")
    public String scheduleVisitWithReminderNotificationsForOwnerAndPet(@PathVariable long ownerId, @RequestBody String visit) {
        return restTemplate.postForObject("https://notification-gateway.internal.example.com/api/v1/reminders/visit-scheduled", visit, String.class);
    }

    public String ownerControllerSearchTarget(String ownerLastNameFilterWithAVeryLongParameterName) {
        return ownerLastNameFilterWithAVeryLongParameterName.trim();
    }
}
`;

/** A word in more files than the results list shows, so the list must say it was cut. */
export const EVERYWHERE = 'honestCountMarker';
const MANY_FILES = Object.fromEntries(Array.from({ length: 510 }, (_, i) => [`docs/many/note-${i}.md`, `# Note ${i}\nMentions ${EVERYWHERE} once.\n`]));

export const LONG_PATH_REPO: Record<string, string> = {
  ...SAMPLE_REPO,
  ...MANY_FILES,
  [LONG_CONTROLLER]: CONTROLLER,
  'package.json': JSON.stringify({
    name: 'sample',
    dependencies: { express: '^4.19.0', '@organization-with-a-long-name/shared-configuration-and-telemetry-bootstrap-utilities': '^12.3.4-beta.17' },
    devDependencies: { vitest: '^3.0.0' },
  }, null, 2),
};
