package dev.takedown.notices.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.notices.NoticeSubmission;
import org.junit.jupiter.api.Test;

class NoticeFieldsTest {

    @Test
    void theWizardAndTheComplaintFormReadTheSharedFieldsAlike() {
        NoticeForm notice = new NoticeForm();
        ComplaintForm complaint = new ComplaintForm();
        for (NoticeFields form : new NoticeFields[] {notice, complaint}) {
            form.setNotifierName("  Tsuburaya  ");
            form.setNotifierEmail("legal@example.org");
            form.setWorkTitle(" Ultraman ");
            form.setTargetUrls("https://a.example/1\r\n\n   \nhttps://a.example/2  \n");
            form.setEvidenceUrl(" ");
            form.setExplanation("the generated images copy the character");
            form.setBonaFideAccurateComplete(true);
        }
        for (NoticeSubmission submission : new NoticeSubmission[] {notice.toSubmission(), complaint.toSubmission()}) {
            assertThat(submission.targets())
                    .extracting(NoticeSubmission.Target::url)
                    .containsExactly("https://a.example/1", "https://a.example/2");
            assertThat(submission.works())
                    .extracting(NoticeSubmission.Work::title)
                    .containsExactly("Ultraman");
            assertThat(submission.notifier().legalName()).isEqualTo("Tsuburaya");
            assertThat(submission.evidence()).isEmpty();
            assertThat(submission.attestations().bonaFideAccurateComplete()).isTrue();
        }
        assertThat(notice.toSubmission().notifier().type()).isEqualTo("RIGHTS_HOLDER");
        assertThat(complaint.toSubmission().notifier().type()).isEqualTo("INDIVIDUAL");
        assertThat(complaint.toSubmission().jurisdictionProfiles()).containsExactly("EU_DSA");
    }

    @Test
    void blankFieldsBecomeAbsentRatherThanEmpty() {
        NoticeForm form = new NoticeForm();
        form.setTargetUrls(null);
        form.setWorkTitle("  ");
        NoticeSubmission submission = form.toSubmission();
        assertThat(submission.targets()).isEmpty();
        assertThat(submission.works()).isEmpty();
        assertThat(submission.notifier().identityDocument()).isNull();
        assertThat(submission.explanation()).isNull();
    }
}
